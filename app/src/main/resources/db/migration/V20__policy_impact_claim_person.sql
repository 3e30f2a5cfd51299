-- A simulation's summary finds the persons with more than one changed row (to count each once)
-- by walking this index instead of grouping the run's rows in a temporary table.
CREATE INDEX ix_policy_impact_claim_person ON policy_impact_claim (impact_id, benefit, person_key);
