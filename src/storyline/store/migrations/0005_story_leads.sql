-- JSON [[weekday mask, month mask, {term: weight}], ...]: per lead (the weekdays and months the
-- headline and first sentence name), the sum of the vectors of the story's members with that lead;
-- NULL: none known (a story stored before), its members' leads scale no pair
ALTER TABLE stories ADD COLUMN leads TEXT;
