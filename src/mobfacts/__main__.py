from mobfacts.cli import main

main()
