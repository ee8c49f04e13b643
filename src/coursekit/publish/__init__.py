"""The commands that make what readers get: the book (`python -m coursekit.publish.build`), its PDF, its
in-browser JupyterLite copy and the course wheel inside it."""
