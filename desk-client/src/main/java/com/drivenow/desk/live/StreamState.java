package com.drivenow.desk.live;

/** Where the live stream stands, with a short explanation for the indicator's tooltip. */
public record StreamState(Kind kind, String explanation) {

    public enum Kind { CONNECTING, LIVE, DOWN, STOPPED }

    public static StreamState connecting() {
        return new StreamState(Kind.CONNECTING, "Connecting to live updates…");
    }

    public static StreamState live() {
        return new StreamState(Kind.LIVE, "Live: changes from other desks appear at once.");
    }

    public static StreamState down(String why, long retryInMillis) {
        return new StreamState(Kind.DOWN, why + " Retrying in " + Math.max(1, retryInMillis / 1000) + " s.");
    }

    public static StreamState stopped() {
        return new StreamState(Kind.STOPPED, "Live updates off.");
    }
}
