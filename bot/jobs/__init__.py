"""The scheduler process: APScheduler jobs that call the services (`segbot scheduler`)."""
