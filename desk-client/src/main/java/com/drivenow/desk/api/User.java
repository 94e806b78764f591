package com.drivenow.desk.api;

import java.util.List;

public record User(String username, String displayName, List<String> roles) {

    public boolean isFleetManager() {
        return roles != null && roles.contains("FLEET_MANAGER");
    }

    public String shownName() {
        return displayName == null || displayName.isBlank() ? username : displayName;
    }
}
