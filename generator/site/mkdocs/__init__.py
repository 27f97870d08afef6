"""The MkDocs adapter: the only code that imports MkDocs (the plugin, builds, serve, parallel builds)."""
