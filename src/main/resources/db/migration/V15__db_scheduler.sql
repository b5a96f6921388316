-- Jobs run on db-scheduler 16.7.1 (its PostgreSQL table, from the library's own DDL). The lease
-- that made scheduled jobs run on one instance at a time is gone: db-scheduler picks each
-- execution on one instance and hands it to another when that one stops beating.
CREATE TABLE scheduled_tasks (
    task_name            text        NOT NULL,
    task_instance        text        NOT NULL,
    task_data            bytea,
    execution_time       timestamptz NOT NULL,
    picked               boolean     NOT NULL,
    picked_by            text,
    last_success         timestamptz,
    last_failure         timestamptz,
    consecutive_failures int,
    last_heartbeat       timestamptz,
    version              bigint      NOT NULL,
    priority             smallint,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);

DROP TABLE job_lease;

-- how many times a job was started: a run that db-scheduler starts again after its instance died
-- counts, and a job that keeps taking its instance down is given up
ALTER TABLE job ADD COLUMN runs int NOT NULL DEFAULT 0;

-- jobs of the old in-memory executor that were running when their instance stopped: nothing will
-- finish them now
UPDATE job SET state = 'FAILED', finished_at = now(), error = 'stopped with its instance before db-scheduler ran jobs'
WHERE state = 'RUNNING';
