-- The per-address rate limit and invalidation by address now go through the subnet's index (an address's
-- signatures are among its subnet's): one index fewer written on every signature.
DROP INDEX petition_signature_ip_idx;
