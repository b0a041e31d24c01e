"""MLOps Tutor application: CLI, settings, composition root, neutral core, adapters."""
