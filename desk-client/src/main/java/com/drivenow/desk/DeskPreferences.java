package com.drivenow.desk;

import java.util.prefs.Preferences;

/** What the desk remembers between runs: gateway address, last user and branch, theme. */
public final class DeskPreferences {

    /** An installer bakes its site's gateway in with -Ddrivenow.desk.gateway; a remembered choice still wins. */
    public static final String DEFAULT_GATEWAY = System.getProperty("drivenow.desk.gateway", "http://localhost:8080");

    private final Preferences node;

    public DeskPreferences(Preferences node) {
        this.node = node;
    }

    public static DeskPreferences forUser() {
        return new DeskPreferences(Preferences.userRoot().node("com/drivenow/desk"));
    }

    public String gateway() {
        return node.get("gateway", DEFAULT_GATEWAY);
    }

    public void rememberGateway(String url) {
        node.put("gateway", url);
    }

    public String username() {
        return node.get("username", "");
    }

    public void rememberUsername(String username) {
        node.put("username", username);
    }

    public String branch() {
        return node.get("branch", "BER-TXL"); // the local stack's demo branch
    }

    public void rememberBranch(String code) {
        node.put("branch", code);
    }

    public boolean darkTheme() {
        return node.getBoolean("darkTheme", false);
    }

    public void rememberDarkTheme(boolean dark) {
        node.putBoolean("darkTheme", dark);
    }
}
