"""Organisation copies: init, layering over a kit, overrides and hiding, branding."""
