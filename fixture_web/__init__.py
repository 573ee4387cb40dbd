"""fixture_web."""
