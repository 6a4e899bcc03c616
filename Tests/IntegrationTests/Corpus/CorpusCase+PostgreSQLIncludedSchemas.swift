/// PostgreSQL tables and objects in a schema besides `public`, compared
/// through `include_schemas = billing`; and constraints left `NOT VALID`.
extension CorpusCase {
    static let billing = """
        CREATE SCHEMA billing;
        CREATE TYPE billing.state AS ENUM ('draft', 'sent');
        CREATE TABLE billing.invoices (id integer PRIMARY KEY, t_id integer REFERENCES t (id), state billing.state DEFAULT 'draft',
            total numeric(10,2));
        CREATE FUNCTION billing.touch() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN NEW.total := coalesce(NEW.total, 0); RETURN NEW; END $$;
        """
    static let billingSeed = baseSeed + "\nINSERT INTO billing.invoices (id, t_id, total) VALUES (1, 1, 10), (2, 2, NULL);"

    static func billingCase(_ name: String, old: String, new: String, seed: String = billingSeed, keep: String = "billing.invoices")
        -> CorpusCase
    {
        var item = CorpusCase(
            "postgresql, include_schemas: " + name, old: base + "\n" + old, new: base + "\n" + new, on: [.postgresql], seed: seed,
            keep: keep)
        item.config = "include_schemas = billing\n"
        return item
    }

    static let postgresqlIncludedSchemas: [CorpusCase] = [
        billingCase("create a schema with a type, a table and a function", old: "", new: billing, seed: baseSeed, keep: "t"),
        billingCase("drop a schema with what is in it", old: billing, new: "", seed: baseSeed, keep: "t"),
        billingCase(
            "add a column to a table of the schema", old: billing,
            new: billing.replacingOccurrences(of: "total numeric(10,2))", with: "total numeric(10,2), due date)")),
        billingCase(
            "index a table of the schema", old: billing,
            new: billing + "\nCREATE INDEX invoices_t ON billing.invoices (t_id) WHERE total > 0;"),
        billingCase(
            "add a value to an enum of the schema", old: billing,
            new: billing.replacingOccurrences(of: "('draft', 'sent')", with: "('draft', 'sent', 'paid')")),
        billingCase(
            "change a view of the schema",
            old: billing + "\nCREATE VIEW billing.open AS SELECT id, total FROM billing.invoices WHERE state = 'draft';",
            new: billing + "\nCREATE VIEW billing.open AS SELECT id, total, t_id FROM billing.invoices WHERE state = 'draft';"),
        billingCase(
            "add a trigger to a table of the schema", old: billing,
            new: billing
                + "\nCREATE TRIGGER invoices_touch BEFORE INSERT ON billing.invoices FOR EACH ROW EXECUTE FUNCTION billing.touch();"),
        billingCase(
            "widen a column of the schema and key it from public", old: billing,
            new: billing.replacingOccurrences(of: "total numeric(10,2))", with: "total numeric(12,2))")
                + "\nCREATE TABLE notes (id integer PRIMARY KEY, invoice_id integer REFERENCES billing.invoices (id));"),
        pg(
            "postgresql: validate a foreign key left NOT VALID",
            old: base + "\nCREATE TABLE u (id INTEGER PRIMARY KEY, t_id INTEGER);\n"
                + "ALTER TABLE u ADD CONSTRAINT u_t_fk FOREIGN KEY (t_id) REFERENCES t (id) NOT VALID;",
            new: base + "\nCREATE TABLE u (id INTEGER PRIMARY KEY, t_id INTEGER CONSTRAINT u_t_fk REFERENCES t (id));"),
        pg(
            "postgresql: leave a check NOT VALID",
            old: base, new: base + "\nALTER TABLE t ADD CONSTRAINT t_named CHECK (name <> '') NOT VALID;"),
    ]
}
