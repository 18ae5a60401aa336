"""Operating a deployment: retention, health, metrics, rate limits."""
