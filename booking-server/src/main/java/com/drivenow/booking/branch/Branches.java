package com.drivenow.booking.branch;

import com.drivenow.booking.inventory.InventoryClient;
import com.drivenow.booking.inventory.InventoryUnavailableException;
import com.drivenow.platform.web.ProblemException;
import io.helidon.dbclient.DbExecute;

import java.util.Optional;

/**
 * The branches a booking may name: the copy fed by branch events, and for a branch it has not heard
 * of yet (just added, its event still on the way) the inventory server's own answer, kept in the copy.
 */
public final class Branches {

    private final BranchCopy copy;
    private final InventoryClient inventory;

    public Branches(BranchCopy copy, InventoryClient inventory) {
        this.copy = copy;
        this.inventory = inventory;
    }

    public Optional<BranchRules> find(DbExecute db, String code) {
        Optional<BranchRules> known = copy.find(db, code);
        if (known.isPresent()) {
            return known;
        }
        try {
            Optional<BranchRules> live = inventory.branch(code).map(BranchRules::fromJson);
            live.ifPresent(branch -> copy.save(db, branch));
            return live;
        } catch (InventoryUnavailableException e) {
            throw ProblemException.unavailable("The inventory server is unavailable and branch " + code
                    + " is unknown here; try again shortly.");
        }
    }
}
