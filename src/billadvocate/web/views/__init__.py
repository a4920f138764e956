"""The web app's views, one module per area; thin shells over the store and the engines."""
