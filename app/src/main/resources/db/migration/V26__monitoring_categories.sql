-- Categories mediators add to a process at run time, beside the built-in ones (which live in the code and the
-- i18n bundles). An added category is used like a built-in one: reports and claims name it, grouping uses its
-- compatibility group, ceasefires cover it (by name, or as a kinetic category), filters and exports show it,
-- and ACLED files map to it by their event and sub-event type. Categories are never changed or removed, so a
-- report's category always means what it meant when it was filed.

CREATE TABLE monitoring_category (
    process_id            bigint NOT NULL REFERENCES process (id),
    code                  text NOT NULL,
    compat_group          text NOT NULL,
    kinetic               boolean NOT NULL,
    name_en               text NOT NULL,
    name_uk               text NOT NULL,
    name_ru               text NOT NULL,
    acled_event_type      text,
    acled_sub_event_type  text,
    added_by              bigint NOT NULL REFERENCES account (id),
    added_at              timestamptz NOT NULL,
    PRIMARY KEY (process_id, code),
    CONSTRAINT monitoring_category_code_ok CHECK (code ~ '^[A-Z][A-Z0-9_]{1,59}$'),
    CONSTRAINT monitoring_category_group_ok CHECK (compat_group ~ '^[A-Z][A-Z0-9_]{1,59}$')
);

-- A general ceasefire covers every use of force: all kinetic categories, including ones added after it was defined.
ALTER TABLE monitoring_ceasefire ADD COLUMN all_kinetic boolean NOT NULL DEFAULT false;
