-- The simulated feed's session clock, so a restart continues the simulated session instead of replaying a day.
CREATE TABLE simulated_session (
    feed          varchar(20)  PRIMARY KEY,
    session_time  timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL
);

-- When the first-run demo strategies were seeded (at most once per database: deleting them keeps them deleted).
CREATE TABLE demo_seeding (
    id          smallint     PRIMARY KEY CHECK (id = 1),
    seeded_at   timestamptz  NOT NULL,
    strategies  varchar(500) NOT NULL
);
