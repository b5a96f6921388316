-- One name for one thing: a purchase's id is purchase_id in every module (the voucher row's key, as
-- purchase names it), not voucher_id in training, catalog and incentive. Renaming keeps the keys
-- and indexes on the columns.
ALTER TABLE training_record RENAME COLUMN voucher_id TO purchase_id;
ALTER TABLE training_rating RENAME COLUMN voucher_id TO purchase_id;
ALTER TABLE incentive_entitlement RENAME COLUMN voucher_id TO purchase_id;
ALTER TABLE incentive_review RENAME COLUMN voucher_id TO purchase_id;
