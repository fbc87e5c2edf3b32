/** Kinds of producer the programme works with, and the states of a profile's verification. */
export const producerKinds = ["artisan", "weaver", "msme", "fpo", "shg", "cooperative", "exporter"] as const;
export const verificationStatuses = ["pending", "verified", "rejected"] as const;
