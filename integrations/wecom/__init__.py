"""WeCom (企业微信): callback crypto and parsing, the gateway port, its clients and a simulator."""
