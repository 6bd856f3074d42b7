// SMMEngine module; see docs/architecture.md.
