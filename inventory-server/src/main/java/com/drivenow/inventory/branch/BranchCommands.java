package com.drivenow.inventory.branch;

import com.drivenow.inventory.fleet.FleetEvents;
import com.drivenow.platform.db.SqlStates;
import com.drivenow.platform.db.Transactions;
import com.drivenow.platform.web.MergePatch;
import com.drivenow.platform.web.ProblemException;
import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.dbclient.DbClient;

import java.util.Optional;
import java.util.Set;

/** Adding and changing branches; each change is announced with the whole branch ({@code branch.*}). */
public final class BranchCommands {

    private static final Set<String> EDITABLE = Set.of("name", "address", "timeZone", "country", "currency",
            "openingHours", "closedDates", "afterHoursReturns", "afterHoursFee");
    private static final Set<String> MANAGED = Set.of("code", "version", "createdAt", "updatedAt");

    private final DbClient db;
    private final BranchRepository branches;
    private final FleetEvents events;
    private final BranchValidator validator = new BranchValidator();

    BranchCommands(DbClient db, BranchRepository branches, FleetEvents events) {
        this.db = db;
        this.branches = branches;
        this.events = events;
    }

    Branch create(BranchDraft draft) {
        BranchSpec spec = validator.validate(draft);
        Branch created;
        try {
            created = Transactions.inTransaction(db, tx -> {
                Branch branch = branches.insert(tx, spec);
                events.branchAdded(tx, branch);
                return branch;
            });
        } catch (RuntimeException e) {
            if (SqlStates.is(e, SqlStates.UNIQUE_VIOLATION)) {
                throw ProblemException.conflict("A branch " + spec.code() + " already exists.");
            }
            throw e;
        }
        events.committed();
        return created;
    }

    /** A merge patch (RFC 7396) of the editable fields; of two patches from one version, one wins. */
    Branch update(String code, Optional<Long> expectedVersion, JsonNode patch) {
        Branch current = branches.find(db.execute(), code).orElseThrow(() -> notFound(code));
        expectedVersion.filter(v -> v != current.version()).ifPresent(v -> {
            throw ProblemException.conflict("Branch " + code + " is at version " + current.version() + ", not " + v
                    + ": reload it and apply your change again.");
        });
        BranchSpec spec = validator.validate(MergePatch.apply(current.toDraft(), patch, EDITABLE, MANAGED,
                BranchDraft.class));
        Branch updated = Transactions.inTransaction(db, tx -> {
            Branch branch = branches.update(tx, spec, current.version()).orElseThrow(() -> ProblemException.conflict(
                    "Branch " + code + " was changed by someone else at the same time: reload it and apply your change again."));
            events.branchChanged(tx, branch);
            return branch;
        });
        events.committed();
        return updated;
    }

    static ProblemException notFound(String code) {
        return ProblemException.notFound("There is no branch " + code + ".");
    }
}
