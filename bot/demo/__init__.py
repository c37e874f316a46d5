"""`segbot demo`: a simulated WeCom company, a synced database and the web console, one process."""
