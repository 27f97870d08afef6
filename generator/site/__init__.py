"""Pages → site: the staging tree, front-end assets, theme overrides and what is done to the built site."""
