// SMMBundle module; see docs/architecture.md.
