/** Kinds of producer the programme works with, and the states of a profile's verification. */
export const producerKinds = ["artisan", "weaver", "msme", "fpo", "shg", "cooperative", "exporter"] as const;
/**
 * A profile waits for its district (pending); the officer verifies it, rejects it, or returns it asking for more
 * information (both with a reason the producer sees). An edit by its owner sends it back to pending.
 */
export const verificationStatuses = ["pending", "verified", "rejected", "returned"] as const;

/** The domain of every demo account and generated producer's address: reserved, so no mail to it reaches anyone. */
export const demoDomain = "demo.odophub.invalid";
