from flask import current_app

# Loaded by name at run time (importlib): nobody in the workspace imports it statically.
DELIMITER = current_app.config.get("CSV_DELIMITER", ",")
