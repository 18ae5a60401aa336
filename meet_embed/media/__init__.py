"""Media files with PyAV: probing, posters, remuxing, and synthetic recordings for demos and tests."""
