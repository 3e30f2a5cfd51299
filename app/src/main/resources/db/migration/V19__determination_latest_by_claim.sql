-- A claim's latest determination of a scope, found from the index alone (the impact simulation
-- reads it for every claim; measured with ./bench impact).
CREATE INDEX ix_determination_claim_scope ON determination (claim_id, scope, id);
