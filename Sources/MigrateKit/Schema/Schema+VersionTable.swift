extension Schema {
    /// Leaves migrate's version table called `name` out of ``unmodelled``,
    /// wherever it lives: left out of the schema compared (`excluded
    /// table migrate_version`), or a table of that name in a schema that
    /// is not compared (`table audit.migrate_version`: another project's,
    /// or this one's after the `search_path` changed). A version table is
    /// migrate's own, never the user's.
    mutating func leaveOutVersionTable(named name: String) {
        unmodelled.removeAll { object in
            object == UnmodelledObject(kind: UnmodelledObject.excludedTable, name: name)
                || (object.kind == UnmodelledObject.tableNotCompared && object.name.hasSuffix("." + name))
        }
    }
}
