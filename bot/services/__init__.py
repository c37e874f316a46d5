"""Application services: units of work over the database and the WeCom gateway."""
