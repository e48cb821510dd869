"""Settings: `base` reads the environment; `test` and `production` overlay it."""
