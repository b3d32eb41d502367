-- The highest actual HR accepts for a KPI (null: what its unit allows)
ALTER TABLE "kpi" ADD COLUMN "maxValue" DOUBLE PRECISION;
