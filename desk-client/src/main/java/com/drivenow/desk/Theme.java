package com.drivenow.desk;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX Primer light or dark as the user-agent stylesheet, with the desk's own sheet on top. */
public final class Theme {

    private static final String DESK_CSS = Theme.class.getResource("desk.css").toExternalForm();

    private Theme() {
    }

    public static void apply(boolean dark) {
        Application.setUserAgentStylesheet(dark
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    public static void style(Scene scene) {
        scene.getStylesheets().add(DESK_CSS);
    }
}
