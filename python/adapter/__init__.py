"""The real-stack adapter: runs one Flask app on PostgreSQL and answers the JSON Lines protocol of PROTOCOL.md."""
