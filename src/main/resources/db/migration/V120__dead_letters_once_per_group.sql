-- A record is dead-lettered at most once per consumer group that failed it: a second dead letter of the same original
-- record by the same group (a non-transactional listener killed between publishing the dead letter and committing its
-- offset, or an operator resetting a group's offsets) is the same failure and is not stored again. Several groups
-- failing the same record each keep their own dead letter, named by consumer_group, replayed to that group only.

-- Earlier duplicates (same original record, same group): keep the first on the dead-letter topic, point the dead
-- letters that replay a duplicate at the kept one, and drop the duplicates.
CREATE TEMPORARY TABLE dead_letter_duplicates ON COMMIT DROP AS
SELECT id, keep FROM (
    SELECT id, first_value(id) OVER (PARTITION BY original_topic, original_partition, original_offset, consumer_group
                                     ORDER BY dlq_topic, dlq_partition, dlq_offset) AS keep
    FROM dead_letters
    WHERE original_partition IS NOT NULL AND original_offset IS NOT NULL AND consumer_group IS NOT NULL
) ranked
WHERE id <> keep;

UPDATE dead_letters d SET replay_of = dup.keep FROM dead_letter_duplicates dup WHERE d.replay_of = dup.id;
DELETE FROM dead_letters d USING dead_letter_duplicates dup WHERE d.id = dup.id;

CREATE UNIQUE INDEX dead_letters_once_per_group
    ON dead_letters (original_topic, original_partition, original_offset, consumer_group)
    WHERE original_partition IS NOT NULL AND original_offset IS NOT NULL AND consumer_group IS NOT NULL;
CREATE INDEX idx_dead_letters_group ON dead_letters (consumer_group);
