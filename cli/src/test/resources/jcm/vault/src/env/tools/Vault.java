package tools;

import cartago.Artifact;
import cartago.OPERATION;
import cartago.ObsProperty;

/** A safe shared by the office: its balance is observable; withdrawing takes from it. */
public class Vault extends Artifact {

    void init(int amount) {
        defineObsProperty("balance", amount);
    }

    @OPERATION
    void withdraw(int amount) {
        ObsProperty balance = getObsProperty("balance");
        balance.updateValue(balance.intValue() - amount);
    }
}
