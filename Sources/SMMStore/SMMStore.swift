// SMMStore module; see docs/architecture.md.
