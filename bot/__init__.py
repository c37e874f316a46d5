"""segbot: the WeCom bot, its services, web app, scheduler and CLI."""
