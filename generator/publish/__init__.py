"""Published versions with mike, and exports of them for any web server."""
