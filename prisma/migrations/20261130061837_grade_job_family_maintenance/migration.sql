-- HR maintains the grade ladder (職位) and the job families (職種) in the portal: both are versioned
-- (a stale version is a 409) and retired rather than deleted (a retired one stays on history and on the
-- records that name it, and is not offered for new ones). Job families get an order of their own; the
-- grades keep theirs in "rank".
ALTER TABLE "grade" ADD COLUMN     "retiredAt" TIMESTAMPTZ(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

ALTER TABLE "job_family" ADD COLUMN     "position" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "retiredAt" TIMESTAMPTZ(3),
ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- The job families that exist keep the order they were created in (their ids are time-ordered).
UPDATE "job_family" AS j SET "position" = o.n
FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM "job_family") AS o
WHERE j.id = o.id;
