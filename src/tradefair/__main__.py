from tradefair.cli import main

main()
