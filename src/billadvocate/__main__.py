from billadvocate.cli.main import main

main()
