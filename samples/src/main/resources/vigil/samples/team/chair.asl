// The chair hears the members' statements; the votes go to the environment, which counts them.
