-- 0007_association_membership_end.sql — an association manages its member
-- list: a membership's level and join date can be edited, and a membership
-- ends (by the association, or by the Art. 27 measure 取消会员资格 recorded
-- with a rating) instead of being deleted, so a former member keeps its
-- rating history. Who changed what is in audit_log.

ALTER TABLE association_members
  ADD COLUMN ended_on DATE NULL
      COMMENT 'day the membership ended; NULL = still a member (a former member gets no new ratings)'
      AFTER member_level,
  ADD COLUMN end_reason VARCHAR(300) NULL
      COMMENT 'why it ended: the association''s words, or the basis of the rating that expelled it'
      AFTER ended_on,
  ADD COLUMN end_rating_id BIGINT UNSIGNED NULL
      COMMENT 'the rating whose measure 取消会员资格 (expel) ended it; NULL = ended by the association directly'
      AFTER end_reason,
  ADD COLUMN ended_by BIGINT UNSIGNED NULL COMMENT 'user who ended it' AFTER end_rating_id,
  ADD COLUMN ended_at BIGINT NULL COMMENT 'unix time the end was recorded' AFTER ended_by,
  ADD COLUMN updated_by BIGINT UNSIGNED NULL
      COMMENT 'user who last changed the membership level or join date' AFTER created_at,
  ADD COLUMN updated_at BIGINT NULL COMMENT 'unix time of that change' AFTER updated_by,
  ADD CONSTRAINT fk_members_end_rating FOREIGN KEY (end_rating_id) REFERENCES ratings (id),
  ADD CONSTRAINT ck_members_end CHECK (ended_on IS NULL OR (ended_on >= joined_on AND end_reason IS NOT NULL));
