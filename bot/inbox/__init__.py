"""The durable inbox of WeCom callbacks: store on receipt, process later, never lose or double."""
