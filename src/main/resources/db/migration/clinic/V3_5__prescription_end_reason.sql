-- Why and by whom a prescription was ended: kept with the prescription (it used to be only in the audit entry,
-- where free text does not belong: the audit chain can never be erased).
ALTER TABLE prescription ADD COLUMN end_reason VARCHAR(300);
ALTER TABLE prescription ADD COLUMN ended_by VARCHAR(100);
