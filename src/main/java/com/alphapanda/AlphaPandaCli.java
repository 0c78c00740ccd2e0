package com.alphapanda;

import com.alphapanda.cli.AlphaPandaCommand;

/** The executable entry point: {@code ./alpha-panda [run|db ...|--help|--version]}. */
public final class AlphaPandaCli {

    private AlphaPandaCli() {
    }

    public static void main(String[] args) {
        System.exit(AlphaPandaCommand.execute(args));
    }
}
