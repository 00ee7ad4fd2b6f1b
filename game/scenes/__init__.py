"""One module per screen. A scene reads the engine's state and draws it; it never decides
who is right."""
