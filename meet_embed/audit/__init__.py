"""The audit trail: who did what to which recording or room, and when."""
