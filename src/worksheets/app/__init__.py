"""Stage 7: orchestration: jobs planned from specs, rendered by the workers, assembled, written
atomically, remembered in the manifest; and the long-running verbs (watch, serve, preview, new)."""
